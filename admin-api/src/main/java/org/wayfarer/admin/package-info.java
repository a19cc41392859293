/** The Wayfarer server application: admin REST API, security and wiring. */
package org.wayfarer.admin;
