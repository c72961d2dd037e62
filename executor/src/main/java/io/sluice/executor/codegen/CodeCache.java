package io.sluice.executor.codegen;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.expr.GeneratedCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.janino.SimpleCompiler;

/**
 * Compiles generated classes and keeps them, keyed by their source text: the same expression
 * planned twice (a prepared statement, a query run again) is compiled once. Generated classes
 * are stateless, so one instance serves every caller. Thread-safe; least recently used classes
 * are dropped beyond {@link #CAPACITY}.
 */
public final class CodeCache {
  /** The number of compiled classes kept. */
  public static final int CAPACITY = 4096;

  private static final CodeCache INSTANCE = new CodeCache();

  private final Map<String, Object> instances = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
      return size() > CAPACITY;
    }
  };

  /** The process-wide cache. */
  public static CodeCache instance() {
    return INSTANCE;
  }

  /** An instance of the generated class, compiling it if needed. */
  public <T> T instance(GeneratedCode code, Class<T> type) {
    if (!type.equals(code.interfaceType())) {
      throw new IllegalArgumentException(code.className() + " implements "
          + code.interfaceType().getName() + ", not " + type.getName());
    }
    Object existing;
    synchronized (instances) {
      existing = instances.get(code.source());
    }
    if (existing == null) {
      existing = compile(code);
      synchronized (instances) {
        instances.putIfAbsent(code.source(), existing);
      }
    }
    return type.cast(existing);
  }

  /** The number of classes cached. */
  public int size() {
    synchronized (instances) {
      return instances.size();
    }
  }

  private static Object compile(GeneratedCode code) {
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(CodeCache.class.getClassLoader());
    try {
      if (Boolean.getBoolean("sluice.codegen.print")) {
        System.err.println("-- generated code for " + code.description() + "\n" + code.source());
      }
      compiler.cook(code.source());
      Class<?> c = compiler.getClassLoader().loadClass(code.className());
      return c.getDeclaredConstructor().newInstance();
    } catch (Exception | LinkageError e) {
      throw SluiceException.internal("cannot compile generated code for " + code.description()
          + ": " + e.getMessage() + "\n" + code.source(), e);
    }
  }
}
