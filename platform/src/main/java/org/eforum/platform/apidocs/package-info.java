/**
 * Every app's OpenAPI document and Swagger UI (springdoc): the security scheme, the role each operation needs
 * read from the app's own rules, the problem+json error shape, and who may read the documents.
 */
@NullMarked
package org.eforum.platform.apidocs;

import org.jspecify.annotations.NullMarked;
