/** Email channel (Jakarta Mail). Not built yet: see this module's README. */
package org.wayfarer.channel.email;
