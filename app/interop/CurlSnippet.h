#pragma once

#include "http/RequestSpec.h"
#include "http/VariableResolver.h"

#include <QString>

#include <functional>

namespace tb {

// The curl command of a request as it is being edited, safe to paste anywhere (the clipboard, a chat, a ticket):
// {{variables}} take their values, except secret ones, which stay shell variables ($access_token); literal secrets
// typed into the request (a bearer token, a basic password, an Authorization header) become shell variables too,
// named as SecretExtractor would name them. The command never carries a secret.
class CurlSnippet
{
public:
    static QString command(const RequestSpec& request, const VariableResolver& variables,
                           const std::function<bool(const QString& name)>& isSecret, bool multiline = true);
};

} // namespace tb
