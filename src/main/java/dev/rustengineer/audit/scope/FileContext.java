package dev.rustengineer.audit.scope;

import dev.rustengineer.audit.SourceText;
import dev.rustengineer.audit.syntax.MacroTokens;
import dev.rustengineer.audit.syntax.RustFile;
import java.util.function.Supplier;
import org.treesitter.TSNode;

/**
 * Everything the rules ask about one file, each part computed once and only when a rule first asks: the parsed
 * file, test code, `use` scopes, async context, receiver types, macro tokens and whether the file is generated.
 */
public final class FileContext {
    private final RustFile file;
    private final AuditKnowledge knowledge;
    private final Supplier<TestCode> testCode;
    private final Supplier<ImportScopes> imports;
    private final Supplier<AsyncContext> async;
    private final Supplier<ReceiverTypes> types;
    private final Supplier<MacroTokens> macroTokens;
    private final Supplier<Boolean> generated;
    private final CrossFileCalls crossFile = new CrossFileCalls();

    public FileContext(RustFile file, AuditKnowledge knowledge) {
        this.file = file;
        this.knowledge = knowledge;
        this.testCode = once(() -> TestCode.of(file, knowledge));
        this.imports = once(() -> ImportScopes.of(file));
        this.async = once(() -> new AsyncContext(file, knowledge));
        this.types = once(() -> new ReceiverTypes(file, imports.get(), knowledge));
        this.macroTokens = once(() -> MacroTokens.of(file, knowledge));
        this.generated = once(() -> GeneratedFile.is(file.path(), file.src().text()));
    }

    public RustFile file() {
        return file;
    }

    public SourceText src() {
        return file.src();
    }

    public String text(TSNode n) {
        return file.text(n);
    }

    public AuditKnowledge knowledge() {
        return knowledge;
    }

    public TestCode testCode() {
        return testCode.get();
    }

    public ImportScopes imports() {
        return imports.get();
    }

    public AsyncContext async() {
        return async.get();
    }

    public ReceiverTypes types() {
        return types.get();
    }

    public MacroTokens macroTokens() {
        return macroTokens.get();
    }

    public boolean generated() {
        return generated.get();
    }

    /** Where a rule leaves what the crate-wide check of blocking helpers needs from this file. */
    public CrossFileCalls crossFile() {
        return crossFile;
    }

    /** A memo: one file is audited on one thread, so no locking. */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = compute.get();
                }
                return value;
            }
        };
    }
}
