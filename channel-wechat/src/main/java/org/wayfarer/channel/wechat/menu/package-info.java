/** Custom menus of official accounts (default and tag-conditional) through WxJava. */
package org.wayfarer.channel.wechat.menu;
