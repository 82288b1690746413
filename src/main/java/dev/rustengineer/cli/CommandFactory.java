package dev.rustengineer.cli;

import dev.rustengineer.RustEngineer;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Hands every command the facade it works through; commands hold no logic of their own beyond formatting. */
final class CommandFactory implements CommandLine.IFactory {
    private final Supplier<RustEngineer> facade;

    CommandFactory(Supplier<RustEngineer> facade) {
        this.facade = facade;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (var ctor : cls.getDeclaredConstructors()) {
            var params = ctor.getParameterTypes();
            if (params.length == 1 && params[0] == Supplier.class) {
                ctor.setAccessible(true);
                return cls.cast(ctor.newInstance(facade));
            }
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
