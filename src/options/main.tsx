import { render } from 'preact';

function App() {
  return <h1>BanWatch</h1>;
}

render(<App />, document.getElementById('app')!);
