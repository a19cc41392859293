/** Test doubles of the engine ports and API keys, and the slice-test setup that puts the real services on them. */
package org.wayfarer.admin.support;
