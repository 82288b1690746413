package dev.rustengineer.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where cargo is looked for, in order: $CARGO, PATH, then rustup's ~/.cargo/bin. */
class CargoLocatorTest {
    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void prefersCargoThenPathThenRustupsHome(@TempDir Path dir) throws IOException {
        Path explicit = executable(dir.resolve("explicit/cargo"));
        Path onPath = executable(dir.resolve("bin/cargo"));
        Path home = dir.resolve("home");
        Path rustup = executable(home.resolve(".cargo/bin/cargo"));
        String path = dir.resolve("empty") + ":" + onPath.getParent();

        assertThat(CargoLocator.find(Map.of("CARGO", explicit.toString(), "PATH", path, "HOME", home.toString())))
                .contains(explicit);
        assertThat(CargoLocator.find(Map.of("PATH", path, "HOME", home.toString()))).contains(onPath);
        assertThat(CargoLocator.find(Map.of("PATH", dir.resolve("empty").toString(), "HOME", home.toString())))
                .as("a shell that never sourced rustup's env").contains(rustup);
        assertThat(CargoLocator.find(Map.of("CARGO_HOME", home.resolve(".cargo").toString()))).contains(rustup);
    }

    @Test
    void aFileThatCannotRunIsNotCargo(@TempDir Path dir) throws IOException {
        Path notExecutable = dir.resolve("bin/cargo");
        Files.createDirectories(notExecutable.getParent());
        Files.writeString(notExecutable, "");
        assertThat(CargoLocator.find(Map.of("PATH", notExecutable.getParent().toString(), "HOME", dir.toString()))).isEmpty();
        assertThat(CargoLocator.find(Map.of())).isEmpty();
    }
}
