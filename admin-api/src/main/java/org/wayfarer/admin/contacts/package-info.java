/** REST edge of the contact directory: {@code /api/v1/contacts}, profiles and timelines. */
package org.wayfarer.admin.contacts;
