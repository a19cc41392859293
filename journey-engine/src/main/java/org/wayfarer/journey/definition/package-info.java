/** Journey definitions: the JSON language ops write, its compiler (validation, expressions, templates). */
package org.wayfarer.journey.definition;
