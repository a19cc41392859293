package org.wayfarer.admin.analytics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wayfarer.admin.problem.InvalidRequestException;
import org.wayfarer.admin.problem.PageParameters;
import org.wayfarer.admin.security.ApiCaller;
import org.wayfarer.journey.stats.JourneyFunnels;
import org.wayfarer.journey.stats.JourneyStatistics;
import org.wayfarer.journey.stats.NodeOccupancy;
import org.wayfarer.journey.stats.UnknownNodeException;

/** A journey's analytics: counts that reconcile, funnels between nodes, and who is at a node now. */
@RestController
@RequestMapping("/api/v1/journeys/{id}")
@Tag(name = "Journey analytics", description = "Entered / active / completed / exited per version and per node, "
        + "goal conversions, split paths, daily series, funnels, and the contacts at a node")
public class JourneyAnalyticsController {

    private static final String BOUND = "ISO-8601 instant, or a date (a local day in 'zone')";

    private final JourneyStatistics statistics;
    private final JourneyFunnels funnels;

    public JourneyAnalyticsController(JourneyStatistics statistics, JourneyFunnels funnels) {
        this.statistics = statistics;
        this.funnels = funnels;
    }

    @GetMapping("/stats")
    @Operation(summary = "Entered, active, completed, exited, failed and goal counts, overall and per node",
            description = "Counters are hourly. With by=day, 'from' and 'to' must be dates and the answer has one "
                    + "entry per local day in 'days'.")
    public JourneyStatsResponse stats(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @Parameter(description = BOUND + ", inclusive", example = "2026-03-01T00:00:00Z")
            @RequestParam(required = false) String from,
            @Parameter(description = BOUND + "; an instant is exclusive, a date includes that day",
                    example = "2026-03-08T00:00:00Z")
            @RequestParam(required = false) String to,
            @Parameter(description = "one published version only") @RequestParam(required = false) Integer version,
            @Parameter(description = "'day' for a daily series") @RequestParam(required = false) String by,
            @Parameter(description = "IANA zone for dates and days; default Asia/Shanghai")
            @RequestParam(required = false) String zone) {
        AnalyticsWindow window = AnalyticsWindow.parse(from, to, zone, version);
        if (by == null) {
            return JourneyStatsResponse.of(statistics.stats(caller.tenantId(), id, window.version(), window.from(),
                    window.to()));
        }
        if (!"day".equals(by)) {
            throw new InvalidRequestException("'by' must be 'day'.");
        }
        if (window.fromDay() == null || window.toDay() == null) {
            throw new InvalidRequestException("by=day needs 'from' and 'to' as dates, e.g. from=2026-03-01&"
                    + "to=2026-03-07.");
        }
        try {
            return JourneyStatsResponse.of(statistics.daily(caller.tenantId(), id, window.version(),
                    window.fromDay(), window.toDay(), window.zone()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(sentence(e.getMessage()));
        }
    }

    @GetMapping("/funnel")
    @Operation(summary = "Contacts reaching each of the given nodes, in that order",
            description = "Of the contacts that reached the first node in the window, how many then reached the "
                    + "second, then the third, and so on (read from the step log).")
    public FunnelResponse funnel(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @Parameter(description = "node ids, comma separated, 1 to " + JourneyFunnels.MAX_NODES,
                    example = "welcome,cart,coupon")
            @RequestParam String nodes,
            @Parameter(description = BOUND + ": when the first node was reached, inclusive")
            @RequestParam(required = false) String from,
            @Parameter(description = BOUND) @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String zone) {
        AnalyticsWindow window = AnalyticsWindow.parse(from, to, zone, version);
        List<String> nodeIds = Arrays.stream(nodes.split(",", -1)).map(String::trim).toList();
        if (nodeIds.stream().anyMatch(String::isEmpty)) {
            throw new InvalidRequestException("'nodes' must be node ids separated by commas, e.g. welcome,cart.");
        }
        try {
            return FunnelResponse.of(id, window, funnels.funnel(caller.tenantId(), id, nodeIds, window.version(),
                    window.from(), window.to()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(sentence(e.getMessage()));
        }
    }

    @GetMapping("/nodes/{nodeId}/contacts")
    @Operation(summary = "Who is at this node now (live instances), by instance id",
            description = "404 when the journey never had such a node. Page with 'cursor' = the previous page's "
                    + "nextCursor.")
    public NodeContactsPage contactsAt(
            @Parameter(hidden = true) @AuthenticationPrincipal ApiCaller caller, @PathVariable long id,
            @PathVariable String nodeId,
            @RequestParam(required = false) String cursor,
            @Parameter(description = "1 to " + JourneyStatistics.MAX_PAGE)
            @RequestParam(required = false, defaultValue = "50") String limit) {
        int size = PageParameters.limit(limit, JourneyStatistics.MAX_PAGE);
        List<NodeOccupancy.Occupant> page;
        try {
            Long after = PageParameters.cursor(cursor);
            page = statistics.atNode(caller.tenantId(), id, nodeId, after == null ? 0 : after, size);
        } catch (UnknownNodeException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(sentence(e.getMessage()));
        }
        String next = page.size() < size ? null : Long.toString(page.get(page.size() - 1).instanceId());
        return new NodeContactsPage(page.stream().map(NodeContactsPage.Occupant::of).toList(), next);
    }

    /** Engine messages are lower-case clauses; problem details are sentences. */
    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
