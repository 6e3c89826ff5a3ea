package org.dispersal.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real service on a fresh store with one analyst account, for a browser test class: registered
 * as a static {@code @RegisterExtension} field, it skips the class when no browser is installed
 * (see {@link Browser#assumeAvailable}), starts the service and creates the analyst before the
 * class's tests, and stops the service after them.
 */
final class AnalystService implements BeforeAllCallback, AfterAllCallback {

  private final String username;
  private final String password;
  private TestServer server;

  /**
   * The service with an analyst of this name and password.
   *
   * @param username the analyst's user name
   * @param password the analyst's password
   */
  AnalystService(String username, String password) {
    this.username = username;
    this.password = password;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Browser.assumeAvailable();
    server = TestServer.start();
    TestServer.Client admin = server.signIn("admin", TestServer.ADMIN_PASSWORD);
    admin.createUser(username, password, "analyst");
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The dashboard's address. */
  String url() {
    return server.url();
  }
}
