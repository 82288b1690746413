package dev.rustengineer.advise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import dev.rustengineer.brief.TextBriefReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Briefs that no corpus file holds, written for this test alone and never used to tune the reader: plain everyday
 * jobs must not go to Rust, and briefs that ask for what only Rust brings must. Cross-validation measures the reader
 * on briefs like the corpus's; this guards what a change to the reader does to briefs unlike any of them (the eighth
 * round raised cross-validation and sent a weekly file chore to Rust).
 */
class OutsideCorpusBriefsTest {
    private static final RustEngineer RE = RustEngineer.shared();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // Weekly and monthly chores, spreadsheets, small scripts: the spec's simple scripts and everyday jobs.
        "Every Monday morning, pull last week's sales from the shop's CSV export and email the totals per product to the manager.|generalist",
        "A little script that renames the photos from our holiday by the date they were taken.|generalist",
        "Once a month, delete anything older than ninety days from the old log folders on the build server.|generalist",
        "Merge the three spreadsheets the regional offices send us into one, and highlight the rows that appear twice.|generalist",
        "Convert the list of event sign-ups the marketing team keeps in Excel into the CSV layout our mailing tool imports.|generalist",
        "Check the links on our website once a week and email the editor a list of the ones that are broken.|generalist",
        "Back up the wiki's database to cloud storage every night and keep only the last thirty copies.|generalist",
        "Our volunteers keep the rota in a shared spreadsheet; we want something that reminds each person by email the day before their shift.|generalist",
        "A Python job that reads yesterday's clickstream files, counts sessions per user and writes a summary table for the analysts.|generalist",
        // Additions to an existing Node.js or Go platform with no tight budget: their specialists take them.
        "Add a forgot-password email flow to our existing Node.js Express app.|backend-developer",
        "We need one more endpoint in our TypeScript NestJS backend that lists a customer's past invoices.|backend-developer",
        "Our team writes Go. We need an internal service that collects partner webhooks and stores them; traffic is low and half a second per request is fine.|golang-pro",
        // Rust's own work: tight budgets, C libraries, microcontrollers, a module loaded from Python.
        "A quote service that must answer in under a millisecond at p99 while handling a hundred thousand requests per second.|rust-engineer",
        "We have a C image-decoding library that keeps corrupting memory; wrap it in a safe API our new code can call.|rust-engineer",
        "Firmware for a battery-powered sensor on an STM32 microcontroller: no operating system, read the temperature every minute and send it over LoRa.|rust-engineer",
        "Port our hand-written C packet parser: it crashes on malformed input, and the new one must be at least as fast.|rust-engineer",
        "An order-matching engine with latency in the tens of microseconds and no garbage-collection pauses.|rust-engineer",
        "Make our tokenizer available to the data scientists as a compiled extension module they can pip install and import from Python.|rust-engineer",
    })
    void routeIsTheSpecs(String brief, String route) {
        // Not a paraphrase of a brief the reader was trained on (the corpus test's own bound for test briefs).
        TextBriefReader reader = RE.textReader();
        var nearest = reader.model().nearest(reader.embedder().embed(brief), 1).getFirst();
        assertThat(nearest.getValue()).as("%s is close to corpus brief %s", brief, nearest.getKey().id()).isLessThanOrEqualTo(0.9);
        Advice a = RE.advise(RE.readText(brief));
        assertThat(a.route()).as(brief).isEqualTo(route);
        assertThat(a.invoke()).as(brief).isEqualTo(route.equals("rust-engineer"));
    }
}
