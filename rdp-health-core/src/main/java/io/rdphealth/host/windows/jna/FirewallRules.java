package io.rdphealth.host.windows.jna;

import com.sun.jna.platform.win32.COM.util.IDispatch;
import com.sun.jna.platform.win32.COM.util.annotation.ComInterface;
import com.sun.jna.platform.win32.COM.util.annotation.ComProperty;

/**
 * COM {@code INetFwRules}, the collection {@code INetFwPolicy2.Rules} returns; enumerated through
 * its {@code _NewEnum} ({@code IComEnumVariantIterator.wrap}). jna-platform has no declaration.
 */
@ComInterface(iid = "{9C4C6277-5027-441E-AFAE-CA1F542DA009}")
interface FirewallRules extends IDispatch {
    @ComProperty(name = "Count")
    Integer getCount();
}
