/**
 * The official-account callback endpoint: verifies, decrypts and parses WeChat's pushes, maps them to contact events
 * and hands them to the engine's {@code EventIntake}. No journey logic here.
 */
package org.wayfarer.channel.wechat.callback;
