/** Reproducible benchmarks of the embedded server against a fake WeChat on loopback. */
package org.wayfarer.bench;
