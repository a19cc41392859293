/**
 * The admin API's slice-test setup: the real engine services on the engine's in-memory ports (its test-jar), test API
 * keys, and the compiler stub.
 */
package org.wayfarer.admin.support;
