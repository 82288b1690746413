package dev.rustengineer.knowledge;

import java.util.List;

/** All knowledge loaded and validated from the bundled YAML files. */
public record Knowledge(
        DecisionTree chooseRust,
        DecisionTree webFramework,
        RuntimeTable asyncRuntime,
        FfiTable ffi,
        InvokeRules invoke,
        List<Trigger> triggers,
        String triggersSource,
        List<IntegrationPattern> patterns,
        String patternsSource,
        List<Inference> inferences,
        List<Contradiction> contradictions,
        List<TextRule> textRules,
        CrateCatalogue crates,
        Measurements measurements) {

    public Knowledge {
        triggers = List.copyOf(triggers);
        patterns = List.copyOf(patterns);
        inferences = List.copyOf(inferences);
        contradictions = List.copyOf(contradictions);
        textRules = List.copyOf(textRules);
    }
}
