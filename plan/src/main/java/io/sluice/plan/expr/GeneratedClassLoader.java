package io.sluice.plan.expr;

import java.util.Map;

/**
 * Loads compiled generated classes, looking at its own classes before asking its parent. The
 * usual parent-first order makes every new generated class a miss in every jar of the class
 * path first (its name is in no package), which costs more than defining the class; the
 * generated code's own references (Calcite's runtime, the engine's interfaces) still go to the
 * parent.
 */
public final class GeneratedClassLoader extends ClassLoader {
  private final Map<String, byte[]> classes;

  /** A loader of the given class files, by class name, over the parent for everything else. */
  public GeneratedClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
    super(parent);
    this.classes = Map.copyOf(classes);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    byte[] bytes = classes.get(name);
    if (bytes == null) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null) {
        c = defineClass(name, bytes, 0, bytes.length);
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }
}
