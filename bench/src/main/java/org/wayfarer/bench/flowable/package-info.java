/**
 * Flowable 7 embedded, standalone (no Spring), in a JVM the bench forks with Flowable's jars added: the bench journey
 * as a BPMN process, started as fast as it goes on an H2 file with Wayfarer's durability settings.
 */
package org.wayfarer.bench.flowable;
