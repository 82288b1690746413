package dev.rustengineer.advise;

import java.util.List;

/**
 * One decision framework of the spec applied to the brief.
 *
 * @param framework the id of the tree or table (choose-rust, web-framework, async-runtime, ffi)
 * @param path the questions asked and the answers taken, in order
 * @param outcome the outcome id reached
 * @param rationale the spec's rationale for the outcome
 * @param advisories where the ecosystem has moved past the spec: shown beside the spec's answer
 */
public record Decision(String framework, List<Step> path, String outcome, String rationale, List<String> advisories) {
    public Decision {
        path = List.copyOf(path);
        advisories = advisories == null ? List.of() : List.copyOf(advisories);
    }

    /**
     * @param node the id of the tree node (or table row) asked
     * @param question the question as the spec words it
     * @param answer the branch taken, as the spec labels it
     * @param assumed true when the brief did not answer and the framework's default was taken
     */
    public record Step(String node, String question, String answer, boolean assumed) {}
}
