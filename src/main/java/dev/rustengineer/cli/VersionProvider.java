package dev.rustengineer.cli;

import dev.rustengineer.Version;
import picocli.CommandLine.IVersionProvider;

final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"rust-engineer " + Version.current()};
    }
}
