/**
 * Spring wiring of the engine: the auto-configuration and its properties, the background-work lifecycle,
 * transactions on Spring's transaction manager, snowflake ids, the crypto key, and the MyBatis-Plus stores as beans
 * of their port types.
 */
package org.wayfarer.journey.infra.spring;
