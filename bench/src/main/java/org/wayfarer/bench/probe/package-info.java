/**
 * Measurement helpers that run inside the JVMs the bench forks: JDBC statement and commit counts, an opt-in Spring
 * Boot auto-configuration that counts them in a Wayfarer server, and the result file a forked run reports through.
 */
package org.wayfarer.bench.probe;
