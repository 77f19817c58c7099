/**
 * Rate limits on the public writes (registration submits by API and form, the participant's own writes): a token
 * bucket per client address and conference (or registration), kept in a size-bounded cache. The client address is
 * what the servlet container reports, i.e. after Tomcat's RemoteIpValve has applied {@code X-Forwarded-For} from
 * trusted proxies only ({@code server.forward-headers-strategy=native}).
 */
@NullMarked
package org.eforum.registration.ratelimit;

import org.jspecify.annotations.NullMarked;
