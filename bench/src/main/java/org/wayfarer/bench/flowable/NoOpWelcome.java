package org.wayfarer.bench.flowable;

import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** The welcome send of the BPMN journey with the provider call taken out, as the engine-only run's sender does. */
public class NoOpWelcome implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        // no provider call: the comparison is of the engines, not of WeChat
    }
}
