/** A minimal Spring Boot application around the channel for this module's integration tests, and its test doubles. */
package org.wayfarer.channel.wechat.testapp;
