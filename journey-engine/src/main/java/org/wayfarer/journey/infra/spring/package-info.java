/** Spring wiring of engine infrastructure that has no better home (configuration classes the application imports). */
package org.wayfarer.journey.infra.spring;
