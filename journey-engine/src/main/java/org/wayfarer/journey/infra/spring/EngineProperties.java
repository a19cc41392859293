package org.wayfarer.journey.infra.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engine tuning ({@code wayfarer.engine.*}). Defaults suit one embedded node on a small machine.
 *
 * @param partitions          event-bus partitions (worker threads); 0 (the default) means one per available
 *                            processor: processing is CPU-bound and fewer partitions make larger batches. May change
 *                            between starts (pending events move to their contact's new partition at start)
 * @param nodeName            lease owner name of this node; defaults to a random name per start
 * @param timerPollInterval   how often due timers are claimed (bounds timer lateness)
 * @param eventSweepInterval  how often partitions re-read their inbox without a signal (crash recovery)
 * @param outboxSweepInterval how often due retries and lost dispatches are picked up
 * @param sendThreads         concurrent provider calls
 * @param sendRatePerSecond   per (channel, account) send budget
 * @param sendBurst           per (channel, account) burst
 * @param lease               timer and send claim lease
 * @param maxSendAttempts     attempts before a retried send is given up
 * @param sendQueue           sends that may wait for a free send thread; the dispatcher claims no more rows than
 *                            {@code sendThreads + sendQueue} at once, so a claimed row never waits out its lease
 *                            (256 queued behind 16 threads wait about 16 s if every call took a whole second, well
 *                            inside the 60 s lease); a slot is held until the row's receipt is durable, and rows
 *                            the processing transaction leases itself need a free slot, so a small queue sends them
 *                            through an extra claim transaction
 */
@ConfigurationProperties("wayfarer.engine")
public record EngineProperties(
        @DefaultValue("0") int partitions,
        String nodeName,
        @DefaultValue("200ms") Duration timerPollInterval,
        @DefaultValue("1s") Duration eventSweepInterval,
        @DefaultValue("1s") Duration outboxSweepInterval,
        @DefaultValue("16") int sendThreads,
        @DefaultValue("500") double sendRatePerSecond,
        @DefaultValue("100") double sendBurst,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("8") int maxSendAttempts,
        @DefaultValue("256") int sendQueue) {
}
