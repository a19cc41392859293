package org.wayfarer.journey.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.wayfarer.journey.definition.Compilation;
import org.wayfarer.journey.definition.JourneyCompiler;
import org.wayfarer.journey.definition.SendNode;

/** The journeys the README shows compile as they are, with the channels the product ships, and mean what it says. */
class ReadmeJourneysTest {

    private static final JourneyCompiler COMPILER = new JourneyCompiler(
            Set.of("wechat.template", "wechat.kefu", "wechat.coupon"), JourneyCompiler.Limits.defaults());

    private static List<String> journeys() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher blocks = Pattern.compile("```json\\n(\\{\\n  \"key\".*?)\\n```", Pattern.DOTALL).matcher(readme);
        List<String> found = new ArrayList<>();
        while (blocks.find()) {
            found.add(blocks.group(1));
        }
        return found;
    }

    @Test
    void theContentTourCompilesWithoutWarningsAndHasItsFallbackAndStock() throws IOException {
        List<String> journeys = journeys();
        assertThat(journeys).isNotEmpty();
        for (String journey : journeys) {
            Compilation compilation = COMPILER.compile(journey);
            assertThat(compilation.errors()).as(journey).isEmpty();
            assertThat(compilation.warnings()).as(journey).isEmpty();
        }
        Compilation tour = journeys.stream().map(COMPILER::compile)
                .filter(c -> c.definition().key().equals("store-tour")).findFirst().orElseThrow();
        SendNode card = (SendNode) tour.definition().node("card");
        assertThat(card.choices()).extracting(SendNode.Choice::channel)
                .containsExactly("wechat.kefu", "wechat.template");
        assertThat(((SendNode) tour.definition().node("coupon")).stock())
                .isEqualTo(new SendNode.Stock("pSPRING", 500));
    }
}
