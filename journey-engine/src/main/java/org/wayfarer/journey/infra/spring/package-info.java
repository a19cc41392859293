/**
 * Spring wiring of the engine's store adapters: transactions on Spring's transaction manager, snowflake ids, and the
 * configuration that exposes the MyBatis-Plus stores as beans of their port types.
 */
package org.wayfarer.journey.infra.spring;
