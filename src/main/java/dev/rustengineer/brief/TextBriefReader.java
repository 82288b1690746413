package dev.rustengineer.brief;

import dev.rustengineer.knowledge.Knowledge;

public final class TextBriefReader {
    private final Knowledge knowledge;

    public TextBriefReader(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public Brief read(String text) {
        return Brief.builder().text(text).build();
    }
}
