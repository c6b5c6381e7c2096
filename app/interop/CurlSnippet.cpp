#include "interop/CurlSnippet.h"

#include "interop/CurlExporter.h"
#include "workspace/SecretExtractor.h"

#include <QSet>

namespace tb {

QString CurlSnippet::command(const RequestSpec& request, const VariableResolver& variables,
                             const std::function<bool(const QString& name)>& isSecret, bool multiline)
{
    // The extractor works on collections: a throwaway one holds the request while literals become variables.
    Collection scratch;
    CollectionItem item;
    item.request = request;
    scratch.items.push_back(item);
    SecretExtractor::extract(scratch);
    QSet<QString> extracted;
    for (const Variable& variable : scratch.variables)
        extracted.insert(variable.key);

    CurlExporter::Options options;
    options.multiline = multiline;
    options.value = [&](const QString& name) -> std::optional<QString> {
        if (extracted.contains(name) || (isSecret && isSecret(name)))
            return std::nullopt;
        const std::optional<QString> raw = variables.rawValue(name);
        if (!raw)
            return std::nullopt;
        const VariableResolver::Result resolved = variables.resolve(*raw, name);
        // A value that leads to a secret ({{base}} = https://{{token}}@host) stays a shell variable as well.
        if (!resolved.ok())
            return std::nullopt;
        for (const QString& inner : VariableResolver::variablesIn(*raw))
            if (isSecret && isSecret(inner))
                return std::nullopt;
        return resolved.text;
    };
    return CurlExporter::toCommand(scratch.items.front().request, options);
}

} // namespace tb
