#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QWidget;

namespace tb {
class SecretStore;
} // namespace tb

namespace tb::ui {

// The app's SecretStore, chosen like the CLI's: the system keychain when it answers, else the encrypted vault (its
// passphrase asked once, in a dialog). Secrets used before the choice is made wait for it.
class SecretStoreChoice
{
public:
    struct Outcome
    {
        QString description; // what holds the secrets, for the status bar
        QStringList notes;   // why that one
        QString error;       // none could be used
    };

    // chosen runs once the choice is made (parent guards it).
    static std::unique_ptr<SecretStore> make(QWidget* parent, std::function<void(const Outcome&)> chosen);
};

} // namespace tb::ui
