/** Adapters of the engine's ports, one sub-package per technology. Nothing outside infra imports these. */
package org.wayfarer.journey.infra;
