package io.rdphealth.explain;

import java.util.List;

/**
 * The {@code ExtendedDisconnectReasonCode} enumeration (learn.microsoft.com, "ExtendedDisconnectReasonCode
 * enumeration"). Complete as published. Values from {@link #PROTOCOL_RANGE_START} to
 * {@link #PROTOCOL_RANGE_END} are internal protocol errors; the published list names only the two
 * ends, the numbers in between are the server's MS-RDPBCGR errorInfo codes ({@link ErrorInfoCodes}).
 *
 * <p>One discrepancy: the page's source in the MicrosoftDocs/win32 repository once listed
 * {@code exDiscReasonLogoffByUser = 2} (a duplicate of another value); the published page and
 * MS-RDPBCGR's ERRINFO_LOGOFF_BY_USER both say 12, which is used here.
 */
public final class ExtendedReasons {
    public static final long PROTOCOL_RANGE_START = 4096;
    public static final long PROTOCOL_RANGE_END = 32767;
    public static final long SERVER_DENIED_CONNECTION = 7;

    public static final CodeTable TABLE = new CodeTable(CodeList.EXTENDED_REASON, List.of(
            c(0, "exDiscReasonNoInfo", "no extended information"),
            c(1, "exDiscReasonAPIInitiatedDisconnect", "an application (an administrative tool on the server) disconnected the session"),
            c(2, "exDiscReasonAPIInitiatedLogoff", "an application logged the session off"),
            c(3, "exDiscReasonServerIdleTimeout", "the server's idle-session time limit ran out"),
            c(4, "exDiscReasonServerLogonTimeout", "the server's session time limit ran out"),
            c(5, "exDiscReasonReplacedByOtherConnection", "another connection took over the session"),
            c(6, "exDiscReasonOutOfMemory", "the server ran out of memory"),
            c(7, "exDiscReasonServerDeniedConnection", "the server refused the connection"),
            c(8, "exDiscReasonServerDeniedConnectionFips", "the server refused the connection for security reasons (FIPS)"),
            c(9, "exDiscReasonServerInsufficientPrivileges", "the server refused the connection: the user lacks the right to log on remotely"),
            c(10, "exDiscReasonServerFreshCredsRequired", "the server requires freshly entered credentials"),
            c(11, "exDiscReasonRpcInitiatedDisconnectByUser", "activity of the user (an administrative tool in the user's session) disconnected it"),
            c(12, "exDiscReasonLogoffByUser", "the user logged off"),
            c(256, "exDiscReasonLicenseInternal", "an internal licensing error"),
            c(257, "exDiscReasonLicenseNoLicenseServer", "no license server was available"),
            c(258, "exDiscReasonLicenseNoLicense", "no valid license (CAL) was available"),
            c(259, "exDiscReasonLicenseErrClientMsg", "the server received an invalid licensing message"),
            c(260, "exDiscReasonLicenseHwidDoesntMatchLicense", "the hardware ID does not match the stored license"),
            c(261, "exDiscReasonLicenseErrClientLicense", "the client's license is bad"),
            c(262, "exDiscReasonLicenseCantFinishProtocol", "network problems cut the licensing exchange short"),
            c(263, "exDiscReasonLicenseClientEndedProtocol", "the client ended the licensing exchange early"),
            c(264, "exDiscReasonLicenseErrClientEncryption", "a licensing message was encrypted wrongly"),
            c(265, "exDiscReasonLicenseCantUpgradeLicense", "the client's license could not be upgraded or renewed"),
            c(266, "exDiscReasonLicenseNoRemoteConnections", "the server is not licensed to accept remote connections"),
            c(267, "exDiscReasonLicenseCreatingLicStoreAccDenied", "access was denied creating the license store registry key"),
            c(768, "exDiscReasonRdpEncInvalidCredentials", "invalid credentials were met"),
            c(PROTOCOL_RANGE_START, "exDiscReasonProtocolRangeStart", "first value of the internal protocol error range (the server's event log has details)"),
            c(PROTOCOL_RANGE_END, "exDiscReasonProtocolRangeEnd", "last value of the internal protocol error range")));

    private ExtendedReasons() {
    }

    /** Whether {@code value} is inside the published internal protocol error range (ends included). */
    public static boolean inProtocolRange(long value) {
        return value >= PROTOCOL_RANGE_START && value <= PROTOCOL_RANGE_END;
    }

    private static DisconnectCode c(long value, String name, String meaning) {
        return new DisconnectCode(CodeList.EXTENDED_REASON, value, name, meaning);
    }
}
