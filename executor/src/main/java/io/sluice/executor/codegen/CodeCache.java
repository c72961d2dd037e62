package io.sluice.executor.codegen;

import io.sluice.common.error.SluiceException;
import io.sluice.plan.expr.GeneratedClassLoader;
import io.sluice.plan.expr.GeneratedCode;
import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.codehaus.janino.ClassLoaderIClassLoader;
import org.codehaus.janino.IClassLoader;
import org.codehaus.janino.Parser;
import org.codehaus.janino.Scanner;
import org.codehaus.janino.UnitCompiler;

/**
 * Compiles generated classes and keeps them, keyed by their source text: the same expression
 * planned twice (a prepared statement, a query run again) is compiled once. Generated classes
 * are stateless, so one instance serves every caller. Thread-safe; least recently used classes
 * are dropped beyond {@link #CAPACITY}.
 *
 * <p>Compilation shares one Janino {@link IClassLoader} (what Janino knows of the classes the
 * generated code uses: their methods, fields, supertypes) across classes. Janino's
 * {@code SimpleCompiler} makes a new one per class and reflects over every class the code
 * names again, {@code SqlFunctions}-sized ones included; with a new expression in almost every
 * query (sqllogictest), that was most of the compiling time. The classes it describes are the
 * engine's own and never change, so sharing is safe; compilations take turns on it.
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

  /** The engine's classes as Janino sees them; guarded by itself. */
  private static final IClassLoader CLASSES =
      new ClassLoaderIClassLoader(CodeCache.class.getClassLoader());

  private static Object compile(GeneratedCode code) {
    try {
      if (Boolean.getBoolean("sluice.codegen.print")) {
        System.err.println("-- generated code for " + code.description() + "\n" + code.source());
      }
      Map<String, byte[]> classes = new HashMap<>();
      synchronized (CLASSES) {
        UnitCompiler compiler = new UnitCompiler(new Parser(new Scanner(null,
            new StringReader(code.source()))).parseAbstractCompilationUnit(), CLASSES);
        compiler.compileUnit(false, false, false,
            classFile -> classes.put(classFile.getThisClassName(), classFile.toByteArray()));
      }
      Class<?> c = new GeneratedClassLoader(classes, CodeCache.class.getClassLoader())
          .loadClass(code.className());
      return c.getDeclaredConstructor().newInstance();
    } catch (Exception | LinkageError e) {
      throw SluiceException.internal("cannot compile generated code for " + code.description()
          + ": " + e.getMessage() + "\n" + code.source(), e);
    }
  }
}
