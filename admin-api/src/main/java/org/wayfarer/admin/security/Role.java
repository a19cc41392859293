package org.wayfarer.admin.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an API key may do. Each role includes the ones declared before it: ADMIN &gt; OPERATOR &gt; VIEWER. */
public enum Role {
    /** Reads everything of its tenant. */
    VIEWER,
    /** Also creates, edits and publishes journeys. */
    OPERATOR,
    /** Also connects channel accounts and manages the tenant. */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** Spring Security authorities for this role and every role it includes ({@code ROLE_VIEWER}, ...). */
    List<GrantedAuthority> authorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : values()) {
            if (includes(role)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
            }
        }
        return authorities;
    }
}
