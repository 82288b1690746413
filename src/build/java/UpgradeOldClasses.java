import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build step, run by Maven on the shaded jar (pom.xml, exec-maven-plugin, package phase): rewrites the class files
 * under the given packages that are older than Java 6 to Java 8's class-file version, with stack maps.
 *
 * <p>Why: picocli ships Java 5 bytecode (major version 49, no stack maps). Java 25's AOT cache will not hold a class
 * linked by the old verifier ("Old class has been linked"), nor any class that implements or extends one (our own
 * {@code VersionProvider} and {@code CommandFactory}), so every start loaded and verified about 170 of picocli's
 * classes from the jar. Version 52 is the oldest that the JVM verifies by stack maps alone (50 may fall back to the
 * old verifier), and it changes no rule that picocli's instructions rely on. Only the version and the stack maps
 * change: every method body is rebuilt from its own instructions, so the stack maps are computed for it.
 *
 * <p>Usage: {@code java src/build/java/UpgradeOldClasses.java JAR PACKAGE...}, a package as a path prefix
 * ({@code picocli/}). Prints how many classes it rewrote; fails if it rewrote none, so a picocli that ships modern
 * bytecode one day is noticed and this step removed.
 */
public final class UpgradeOldClasses {
    /** Java 6: the first version with stack maps; anything older is linked by the old verifier. */
    private static final int FIRST_WITH_STACK_MAPS = ClassFile.JAVA_6_VERSION;
    private static final int TARGET = ClassFile.JAVA_8_VERSION;

    private UpgradeOldClasses() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: java UpgradeOldClasses.java JAR PACKAGE...");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        List<String> packages = List.of(args).subList(1, args.length);
        int rewritten;
        // The stack maps need the common supertype of two types at a merge point: read them from the jar itself,
        // then from the JDK.
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                FileSystem zip = FileSystems.newFileSystem(jar)) {
            ClassFile rewriter = ClassFile.of(
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.ofResourceParsing(classes)
                            .orElse(ClassHierarchyResolver.defaultResolver())));
            rewritten = 0;
            for (String pkg : packages) {
                Path root = zip.getPath(pkg);
                if (!Files.isDirectory(root)) {
                    throw new IOException(jar + ": no " + pkg + " in it");
                }
                List<Path> files;
                try (Stream<Path> walk = Files.walk(root)) {
                    files = walk.filter(p -> p.toString().endsWith(".class")).toList();
                }
                for (Path file : files) {
                    if (upgrade(rewriter, file)) {
                        rewritten++;
                    }
                }
            }
        } // closing the zip file system writes the jar; the entries not rewritten are copied as they were
        if (rewritten == 0) {
            throw new IllegalStateException(jar + ": no class older than Java 6 under " + packages
                    + "; if the library now ships modern bytecode, remove this build step");
        }
        System.out.println("UpgradeOldClasses: " + rewritten + " classes under " + packages + " rewritten to class-file"
                + " version " + TARGET + " with stack maps in " + jar);
    }

    private static boolean upgrade(ClassFile rewriter, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ClassModel model = ClassFile.of().parse(bytes);
        if (model.majorVersion() >= FIRST_WITH_STACK_MAPS) {
            return false;
        }
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(TARGET, 0);
            } else {
                builder.with(element);
            }
        };
        // A method body passed through untouched would be copied as it is, without stack maps: rebuild each one.
        byte[] upgraded = rewriter.transformClass(model,
                newVersion.andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)));
        Files.write(file, upgraded);
        return true;
    }
}
