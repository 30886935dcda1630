'use strict';
// The DingTalk calls the end-to-end test makes, each through the official SDK exactly as an
// integration would: a product client built on one shared Config, token in the per-call
// headers, default RuntimeOptions.

const $OpenApi = require('@alicloud/openapi-client');
const $Util = require('@alicloud/tea-util');
const oauth2 = require('@alicloud/dingtalk/oauth2_1_0');
const contact = require('@alicloud/dingtalk/contact_1_0');
const hrm = require('@alicloud/dingtalk/hrm_1_0');
const robot = require('@alicloud/dingtalk/robot_1_0');

// newConfig points every client at the proxy. The endpoint is host:port without a scheme
// (the SDK prepends "<protocol>://"), and protocol must be set because the operations
// default to HTTP only when nothing else is given (API-NOTES §2.1). The proxy's API key
// rides on every call through globalParameters: the SDK has no other hook for extra headers.
function newConfig(endpoint, apiKey) {
  return new $OpenApi.Config({
    endpoint,
    protocol: 'http',
    globalParameters: new $OpenApi.GlobalParameters({ headers: { 'X-Api-Key': apiKey } }),
  });
}

// appToken fetches a new-generation app access token through the proxy.
async function appToken(config, appKey, appSecret) {
  const client = new oauth2.default(config);
  const res = await client.getAccessTokenWithOptions(
    new oauth2.GetAccessTokenRequest({ appKey, appSecret }), {}, new $Util.RuntimeOptions({}));
  if (!res.body || !res.body.accessToken) {
    throw new Error('accessToken: the answer holds no token');
  }
  return res.body.accessToken;
}

// The calls by name. Each gets the config, the token and the parsed options and returns the
// SDK's response (statusCode, body) or throws the SDK's error.
const calls = {
  async me(config, token) {
    const client = new contact.default(config);
    return client.getUserWithOptions('me',
      new contact.GetUserHeaders({ xAcsDingtalkAccessToken: token }), new $Util.RuntimeOptions({}));
  },

  async roster(config, token, opts) {
    const client = new hrm.default(config);
    return client.getEmployeeRosterByFieldWithOptions(
      new hrm.GetEmployeeRosterByFieldRequest({
        appAgentId: opts.agent,
        userIdList: opts.users,
        fieldFilterList: opts.fields,
        text2SelectConvert: true,
      }),
      new hrm.GetEmployeeRosterByFieldHeaders({ xAcsDingtalkAccessToken: token }),
      new $Util.RuntimeOptions({}));
  },

  async batchsend(config, token, opts) {
    const client = new robot.default(config);
    return client.batchSendOTOWithOptions(
      new robot.BatchSendOTORequest({
        robotCode: opts.robot,
        userIds: opts.users,
        msgKey: 'sampleText',
        msgParam: JSON.stringify({ content: opts.text }),
      }),
      new robot.BatchSendOTOHeaders({ xAcsDingtalkAccessToken: token }),
      new $Util.RuntimeOptions({}));
  },
};

module.exports = { newConfig, appToken, calls };
