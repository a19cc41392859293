/**
 * MyBatis-Plus adapters of the engine's store ports: {@code *Row} table objects, {@code *Mapper} interfaces with the
 * hand-written SQL next to them, and one {@code Mybatis*} adapter per port. Rows, mappers and adapters are public
 * only because the Spring wiring in {@code infra/spring} builds the adapters and MyBatis's proxies of public mappers
 * must see the row types; nothing outside {@code infra/} may use this package: depend on the ports.
 */
package org.wayfarer.journey.infra.mybatis;
