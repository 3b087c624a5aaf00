// A real OpenID Connect provider (the oidc-provider package) for the register's directory and browser tests.
// Usage: node provider.mjs <port>. Issuer http://localhost:<port>; one client, "opregister"; the users below.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2] || 9090);
const issuer = `http://localhost:${port}`;
const API = 'urn:opregister:api';

// The test directory: username -> password, subject, name, e-mail and groups.
const users = {
  'camille.martin': { password: 'officer-password', sub: 'b8f2c1d0-0001', name: 'Camille Martin',
    email: 'camille.martin@bank.example', groups: ['risk-officers', 'staff'] },
  'lucas.bernard': { password: 'manager-password', sub: 'b8f2c1d0-0002', name: 'Lucas Bernard',
    email: 'lucas.bernard@bank.example', groups: ['/risk-managers'] },
  'ines.petit': { password: 'staff-password', sub: 'b8f2c1d0-0003', name: 'Inès Petit',
    email: 'ines.petit@bank.example', groups: ['staff'] },
  // Holds the username of a local account of the register: its sign-in here must not take that account over.
  officer: { password: 'namesake-password', sub: 'b8f2c1d0-0004', name: 'Officer Namesake',
    email: 'namesake@bank.example', groups: ['risk-officers'] },
  // Renamed by the tests (POST /test/rename): the same person, the same subject, a new username.
  'nora.first': { password: 'nora-password', sub: 'b8f2c1d0-0005', name: 'Nora First',
    email: 'nora@bank.example', groups: ['risk-officers'] },
};
const bySubject = {};
function index() {
  for (const key of Object.keys(bySubject)) delete bySubject[key];
  for (const [username, user] of Object.entries(users)) bySubject[user.sub] = { username, ...user };
}
index();

const configuration = {
  clients: [{
    client_id: 'opregister',
    client_secret: 'register-client-secret',
    redirect_uris: ['http://localhost/login/oidc/callback'],
    post_logout_redirect_uris: ['http://localhost/login'],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
  scopes: ['openid', 'profile', 'email', 'groups', 'offline_access', 'api'],
  // Entra ID and Keycloak put the profile and groups in the ID token; so does this provider.
  conformIdTokenClaims: false,
  async findAccount(ctx, sub) {
    const user = bySubject[sub];
    if (!user) return undefined;
    return {
      accountId: sub,
      async claims() {
        return { sub, preferred_username: user.username, name: user.name, email: user.email, groups: user.groups };
      },
    };
  },
  // Bearer tokens for the register's API: JWTs for its audience, with the user's groups.
  async extraTokenClaims(ctx, token) {
    const user = bySubject[token.accountId];
    return user ? { groups: user.groups, preferred_username: user.username } : undefined;
  },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bank sign-out</title></head><body>
          <h1>Sign out of the bank's provider?</h1>${form}
          <button id="provider-logout" type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
          </body></html>`;
      },
    },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'api', audience: API, accessTokenFormat: 'jwt',
        jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['test-only-provider-cookie-key'] },
  ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
};

const provider = new Provider(issuer, configuration);
// The register under test listens on a port chosen at start: any local port is a registered redirect URI.
const local = /^http:\/\/(localhost|127\.0\.0\.1):\d+\/login(\/oidc\/callback)?$/;
provider.Client.prototype.redirectUriAllowed = (value) => local.test(value) && value.endsWith('/callback');
provider.Client.prototype.postLogoutRedirectUriAllowed = (value) => local.test(value) && value.endsWith('/login');

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid, error) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Bank sign-in</title></head><body>
    <h1>Bank sign-in</h1>${error ? `<p id="provider-error">${escape(error)}</p>` : ''}
    <form method="post" action="/interaction/${escape(uid)}/login">
      <label>Username <input id="login" name="login" autocomplete="username"></label>
      <label>Password <input id="password" name="password" type="password"></label>
      <button id="provider-submit" type="submit">Sign in</button>
    </form>
    <form method="post" action="/interaction/${escape(uid)}/abort"><button id="provider-cancel" type="submit">Cancel</button></form>
    </body></html>`;
}

async function body(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params, session } = details;
  if (action === 'abort') {
    await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'cancelled by the user' },
      { mergeWithLastSubmission: false });
    return;
  }
  if (prompt.name === 'login') {
    if (req.method === 'POST' && action === 'login') {
      const form = await body(req);
      const user = users[form.get('login')];
      if (!user || user.password !== form.get('password')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(loginPage(uid, 'Wrong username or password.'));
        return;
      }
      await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(loginPage(uid));
    return;
  }
  // Consent: the bank's own application, granted without asking.
  const grant = details.grantId ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
  if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
  if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
  if (prompt.details.missingResourceScopes) {
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes)) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
http.createServer(async (req, res) => {
  const path = new URL(req.url, issuer).pathname;
  if (path === '/test/rename' && req.method === 'POST') {
    // The directory renames someone: ?from=<username>&to=<username>.
    const query = new URL(req.url, issuer).searchParams;
    const user = users[query.get('from')];
    if (!user) {
      res.writeHead(404).end();
      return;
    }
    delete users[query.get('from')];
    users[query.get('to')] = user;
    index();
    res.writeHead(204).end();
    return;
  }
  const match = path.match(/^\/interaction\/([^/]+)(?:\/(login|abort))?$/);
  if (!match) {
    callback(req, res);
    return;
  }
  try {
    await interaction(req, res, match[1], match[2]);
  } catch (error) {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`interaction failed: ${error.message}`);
  }
}).listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
