package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// listeners are the DOM event listeners a component adds outside its own
// tree — on the document or the window, where go-app's handlers do not
// reach — so that it can remove them all when it goes.
type listeners []func()

// on calls f with each event of the kind on target, in the capture phase
// when capture is set. f runs in the browser's dispatch, so it may cancel
// the event; anything that changes a component goes through its context.
func (l *listeners) on(target app.Value, event string, capture bool, f func(e app.Value)) {
	fn := app.FuncOf(func(this app.Value, args []app.Value) any {
		f(args[0])
		return nil
	})
	opts := map[string]any{"capture": capture}
	target.Call("addEventListener", event, fn, opts)
	*l = append(*l, func() {
		target.Call("removeEventListener", event, fn, opts)
		fn.Release()
	})
}

// release removes every listener.
func (l *listeners) release() {
	for _, remove := range *l {
		remove()
	}
	*l = nil
}
