package io.rdphealth.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a server answered to the X.224 Connection Request: one of three shapes. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = X224Confirm.NegotiationResponse.class, name = "response"),
    @JsonSubTypes.Type(value = X224Confirm.NegotiationFailure.class, name = "failure"),
    @JsonSubTypes.Type(value = X224Confirm.LegacyConfirm.class, name = "legacy")})
public sealed interface X224Confirm {

    /** RDP_NEG_RSP: the server selected {@code selectedProtocol}. */
    record NegotiationResponse(int flags, int selectedProtocol) implements X224Confirm {
        public static final int EXTENDED_CLIENT_DATA_SUPPORTED = 0x01;
        public static final int DYNVC_GFX_PROTOCOL_SUPPORTED = 0x02;
        public static final int NEGRSP_FLAG_RESERVED = 0x04;
        public static final int RESTRICTED_ADMIN_MODE_SUPPORTED = 0x08;
        public static final int REDIRECTED_AUTHENTICATION_MODE_SUPPORTED = 0x10;

        /** The selected protocol, or {@code null} when the server sent a value outside the specification. */
        public SecurityProtocol protocol() {
            return SecurityProtocol.selected(selectedProtocol);
        }
    }

    /** RDP_NEG_FAILURE with the server's failure code. */
    record NegotiationFailure(int failureCode) implements X224Confirm {
        /** The named failure, or {@code null} for an undefined code. */
        public NegotiationFailureCode failure() {
            return NegotiationFailureCode.of(failureCode);
        }
    }

    /** A confirm without negotiation data: the server predates RDP 5.2 negotiation (standard RDP security only). */
    record LegacyConfirm() implements X224Confirm {
    }
}
