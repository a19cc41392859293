/**
 * Test fixtures shipped in the channel's test-jar: a fake WeChat API server and a builder of callbacks signed and
 * encrypted exactly as WeChat does. Used by this module's tests, the admin API end-to-end tests and the benchmarks.
 */
package org.wayfarer.channel.wechat.testing;
