package dev.rustengineer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's `advise` examples (briefs that no corpus file holds, shown as the spec decides them) are replayed
 * as written: each `$ ./rust-engineer advise "..."` line of a console block must print the lines the README shows
 * under it. A change to the reader that sends the README's weekly file chore to Rust fails here, not in a user's
 * hands (the eighth reading round did, and was taken out).
 */
class ReadmeAdviseExamplesTest {
    private static final Pattern COMMAND = Pattern.compile("^\\$ \\./rust-engineer advise \"(.+)\"$");

    record Example(String brief, List<String> expected) {}

    @Test
    void everyAdviseExampleOfTheReadmePrintsWhatTheReadmeShows() throws IOException {
        List<Example> examples = examples(Files.readAllLines(Path.of("README.md")));
        assertThat(examples).as("advise examples in README.md").hasSizeGreaterThanOrEqualTo(3);
        for (Example e : examples) {
            AdviseCommandTest.Run r = AdviseCommandTest.run("advise", e.brief());
            assertThat(r.code()).as(e.brief()).isEqualTo(ExitCode.OK);
            assertThat(r.out().lines().toList()).as(e.brief()).containsSubsequence(e.expected());
        }
    }

    /** The examples of the console blocks: a command line, then the output lines up to the next blank or `$` line. */
    static List<Example> examples(List<String> readme) {
        List<Example> out = new ArrayList<>();
        boolean console = false;
        for (int i = 0; i < readme.size(); i++) {
            String line = readme.get(i);
            if (line.startsWith("```")) {
                console = line.equals("```console");
                continue;
            }
            Matcher m = COMMAND.matcher(line);
            if (!console || !m.matches()) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            for (int j = i + 1; j < readme.size() && !readme.get(j).isBlank() && !readme.get(j).startsWith("$")
                    && !readme.get(j).startsWith("```"); j++) {
                expected.add(readme.get(j));
            }
            out.add(new Example(m.group(1), expected));
        }
        return out;
    }
}
