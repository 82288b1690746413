package dev.rustengineer.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * A child started as the leader of its own process group, so that everything under it can still be found after
 * its parent died and it was re-parented to init: {@link ProcessHandle#descendants()} follows parent links only,
 * and a test binary whose cargo was killed first has none left. The group is what the kernel keeps.
 *
 * <p>Why by hand: Java has no API to start a process in a new group (no setsid or setpgid in ProcessBuilder) nor
 * to signal a group, so the child is started through util-linux's {@code setsid}, which becomes the program
 * (exec, same pid) once it has made the new session, and the group's members are read from {@code /proc}.
 */
final class ProcessGroup {
    private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid").map(Path::of)
            .filter(Files::isExecutable).findFirst().orElse(null);

    private ProcessGroup() {}

    /** The command, run as the leader of a new session and process group where this machine can do that. */
    static List<String> leading(List<String> command) {
        if (SETSID == null || command.isEmpty()) {
            return command;
        }
        // setsid looks the program up on the child's PATH; ProcessBuilder looked it up on ours, so keep that. A
        // program that cannot be found is left to ProcessBuilder, whose IOException callers turn into their message.
        Path program = onOurPath(command.getFirst());
        if (program == null) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.add(program.toString());
        wrapped.addAll(command.subList(1, command.size()));
        return wrapped;
    }

    private static Path onOurPath(String program) {
        if (program.contains("/")) {
            // relative to the builder's directory, which only ProcessBuilder knows: left to it
            return program.startsWith("/") ? runnable(Path.of(program)) : null;
        }
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(":")) {
            Path found = runnable(Path.of(dir.isEmpty() ? "." : dir, program).toAbsolutePath());
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Path runnable(Path candidate) {
        return Files.isExecutable(candidate) && !Files.isDirectory(candidate) ? candidate : null;
    }

    /** Whether the process leads its own group (it was started through {@link #leading}). */
    static boolean leads(ProcessHandle process) {
        return groupOf(process.pid()).orElse(-1) == process.pid();
    }

    /** The live processes of the group, whoever their parent is now. */
    static List<ProcessHandle> members(long group) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .mapToLong(Long::parseLong)
                    .filter(pid -> groupOf(pid).orElse(-1) == group)
                    .mapToObj(ProcessHandle::of)
                    .flatMap(h -> h.stream())
                    .filter(ProcessHandle::isAlive)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The fifth field of /proc/PID/stat; the command name before it may hold spaces and parentheses. */
    private static OptionalLong groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // state ppid pgrp ...; a zombie is already dead and needs no signal
            return after[0].equals("Z") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(after[2]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
