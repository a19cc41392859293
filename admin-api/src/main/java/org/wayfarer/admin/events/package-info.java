/** Intake of events from brands' own systems (member system, shop, forms) into the journey engine. */
package org.wayfarer.admin.events;
