/** SMS channel (Aliyun, Tencent Cloud). Not built yet: see this module's README. */
package org.wayfarer.channel.sms;
