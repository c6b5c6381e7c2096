#include "SecretStoreChoice.h"

#include "secrets/DeferredSecretStore.h"
#include "secrets/SecretStoreSelector.h"

#include <QInputDialog>
#include <QLineEdit>

namespace tb::ui {

std::unique_ptr<SecretStore> SecretStoreChoice::make(QWidget* parent, std::function<void(const Outcome&)> chosen)
{
    auto deferred = std::make_unique<DeferredSecretStore>();
    DeferredSecretStore* store = deferred.get();
    SecretStoreSelector::Options options;
    options.askPassphrase = [parent](const QString& prompt) -> std::optional<QByteArray> {
        bool ok = false;
        const QString text = QInputDialog::getText(parent, QInputDialog::tr("Secret vault"), prompt.trimmed(),
                                                   QLineEdit::Password, QString(), &ok);
        if (!ok || text.isEmpty())
            return std::nullopt;
        return text.toUtf8();
    };
    SecretStoreSelector::select(options, parent, [store, chosen](SecretStoreSelector::Selection selection) {
        if (selection.store)
            store->setStore(std::move(selection.store));
        else
            store->setUnavailable(selection.error);
        chosen({store->description(), selection.notes, selection.error});
    });
    return deferred;
}

} // namespace tb::ui
