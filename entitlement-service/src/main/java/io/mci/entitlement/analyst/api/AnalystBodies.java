package io.mci.entitlement.analyst.api;

import java.util.UUID;

import io.mci.entitlement.analyst.service.AnalystService.Registration;
import io.mci.entitlement.common.Input;

/** Request bodies of the analyst endpoints. */
public final class AnalystBodies {

    private AnalystBodies() {
    }

    /** {@code {"id"?, "subject", "email", "name"}} */
    public record RegisterAnalystBody(UUID id, String subject, String email, String name) {

        Registration validated() {
            return new Registration(id, Input.text("subject", subject, Input.MAX_SUBJECT), Input.email("email", email),
                    Input.text("name", name, Input.MAX_NAME));
        }
    }

    /** {@code {"multi_customer_enabled": true}}, also the answer of the preference endpoints. */
    public record Preferences(Boolean multiCustomerEnabled) {

        boolean validated() {
            return Input.required("multi_customer_enabled", multiCustomerEnabled);
        }
    }
}
