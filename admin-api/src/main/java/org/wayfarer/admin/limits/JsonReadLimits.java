package org.wayfarer.admin.limits;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.core.Ordered;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactoryBuilder;

/**
 * Puts {@link AdminLimitsProperties.Json} into the application's JSON factory, which Spring MVC's JSON converter
 * reads request bodies with. Runs after Spring Boot's own customizer, so these three limits win over
 * {@code spring.jackson.factory.constraints.read.*}; the other read constraints set there are kept.
 */
final class JsonReadLimits implements JsonFactoryBuilderCustomizer, Ordered {

    private final AdminLimitsProperties.Json limits;

    JsonReadLimits(AdminLimitsProperties.Json limits) {
        this.limits = limits;
    }

    @Override
    public void customize(JsonFactoryBuilder builder) {
        // the builder has no getter: a throwaway factory shows what earlier customizers set
        StreamReadConstraints current = builder.build().streamReadConstraints();
        builder.streamReadConstraints(current.rebuild()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxDocumentLength(limits.maxDocumentLength().toBytes())
                .build());
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
